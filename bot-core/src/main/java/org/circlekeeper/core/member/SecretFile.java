package org.circlekeeper.core.member;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret a single box keeps for itself (the note key, the embedded Redis's password): made once at random in a
 * file only its owner may read or write, created so and narrowed again if someone widened it, so the quick start
 * stays private on a shared machine and the secret survives restarts. Its value is never logged.
 */
public final class SecretFile {

    private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /**
     * The secret in {@code file} (stripped), making the file and its folder with {@code maker}'s value when it does
     * not exist; {@code what} names it in logs and errors.
     */
    public static String loadOrCreate(Path file, Supplier<String> maker, String what) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            boolean posix = Files.getFileStore(absolute.getParent()).supportsFileAttributeView("posix");
            if (!Files.exists(absolute)) {
                create(absolute, posix, maker, what);
            }
            if (posix && !OWNER_ONLY.equals(Files.getPosixFilePermissions(absolute))) {
                Files.setPosixFilePermissions(absolute, OWNER_ONLY);
                LOG.warn("the {} file {} could be read by others; it is owner-only again", what, absolute);
            }
            return Files.readString(absolute, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the " + what + " file " + absolute, e);
        }
    }

    private static void create(Path file, boolean posix, Supplier<String> maker, String what) throws IOException {
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                File plain = file.toFile();
                boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
                        && plain.setWritable(false, false) && plain.setWritable(true, true);
                if (!restricted) {
                    LOG.warn("could not restrict the new {} file to its owner; restrict {} yourself", what, file);
                }
            }
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(file, maker.get() + "\n", StandardCharsets.US_ASCII);
        LOG.info("made a new {} in {} (only its owner can read it)", what, file);
    }
}
