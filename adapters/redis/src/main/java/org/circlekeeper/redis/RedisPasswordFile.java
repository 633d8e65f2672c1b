package org.circlekeeper.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Redis's password, made once at random and kept in a file that only its owner may read or write
 * (created so; narrowed if someone widened it), beside the note key, so the bot and an operator's {@code
 * redis-cli -a} find the same one after a restart.
 */
public final class RedisPasswordFile {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPasswordFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private RedisPasswordFile() {
    }

    /** The password in the file, making the file (and its folder) with a new one when it does not exist. */
    public static String loadOrCreate(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            boolean posix = Files.getFileStore(absolute.getParent()).supportsFileAttributeView("posix");
            if (!Files.exists(absolute)) {
                create(absolute, posix);
            }
            if (posix && !OWNER_ONLY.equals(Files.getPosixFilePermissions(absolute))) {
                Files.setPosixFilePermissions(absolute, OWNER_ONLY);
                LOG.warn("the Redis password file {} could be read by others; it is owner-only again", absolute);
            }
            String password = Files.readString(absolute, StandardCharsets.US_ASCII).strip();
            if (password.length() < 16 || !password.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\\')) {
                throw new IllegalStateException("the Redis password file " + absolute + " does not hold a usable password "
                        + "(at least 16 printable ASCII characters without spaces, quotes or backslashes); delete it to make a new one");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the Redis password file " + absolute, e);
        }
    }

    private static void create(Path file, boolean posix) throws IOException {
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                java.io.File plain = file.toFile();
                boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
                        && plain.setWritable(false, false) && plain.setWritable(true, true);
                if (!restricted) {
                    LOG.warn("could not restrict the new Redis password file to its owner; restrict {} yourself", file);
                }
            }
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(file, EmbeddedRedis.newPassword() + "\n", StandardCharsets.US_ASCII);
        LOG.info("made a new password for the embedded Redis in {} (only its owner can read it)", file);
    }
}
