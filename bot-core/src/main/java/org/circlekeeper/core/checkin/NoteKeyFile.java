package org.circlekeeper.core.checkin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The note key of a deployment that configured none: made once at random and kept in a file that
 * only its owner may read or write (created so, never widened later), so notes stay readable
 * across restarts of the same box. Replicas sharing a Redis must configure one key instead.
 */
public final class NoteKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(NoteKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private NoteKeyFile() {
    }

    /** The key in the file, making the file (and its folder) with a new key when it does not exist. */
    public static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnIfOpen(file);
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            AesGcmNoteCipher.fromBase64(key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the note key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the note key file " + file + " does not hold a valid key: " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        boolean posix = Files.getFileStore(folder == null ? Path.of(".") : folder)
                .supportsFileAttributeView("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                java.io.File plain = file.toFile();
                boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
                        && plain.setWritable(false, false) && plain.setWritable(true, true);
                if (!restricted) {
                    LOG.warn("could not restrict the new note key file to its owner; restrict {} yourself", file);
                }
            }
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(file, AesGcmNoteCipher.newKey() + "\n", StandardCharsets.US_ASCII);
        LOG.info("made a new note key in {} (only its owner can read it); keep it with the Redis data", file);
    }

    private static void warnIfOpen(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warn("the note key file {} can be read by others ({}); restrict it with chmod 600", file,
                        PosixFilePermissions.toString(permissions));
            }
        }
    }
}
