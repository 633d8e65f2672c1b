package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void makesAKeyOnceInAnOwnerOnlyFileAndKeepsIt() throws IOException {
        Path file = dir.resolve("data/note.key");

        String first = NoteKeyFile.loadOrCreate(file);
        String second = NoteKeyFile.loadOrCreate(file);

        assertThat(first).isEqualTo(second);
        assertThat(AesGcmNoteCipher.fromBase64(first)).isNotNull();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void aFileWithoutAValidKeyStopsTheStart() throws IOException {
        Path file = dir.resolve("note.key");
        Files.writeString(file, "too short");

        assertThatThrownBy(() -> NoteKeyFile.loadOrCreate(file)).hasMessageContaining("does not hold a valid key");
    }
}
