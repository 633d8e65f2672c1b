package org.circlekeeper.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import redis.embedded.core.ExecutableProvider;

/**
 * The files of an {@link EmbeddedRedis}: its data directory kept private to its owner ({@code 0700}, files
 * {@code 0600}), redis-server started under {@code umask 077}, the lock that keeps one server per directory, and the
 * directory as a redis.conf value.
 */
final class EmbeddedRedisFiles {

    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private EmbeddedRedisFiles() {
    }

    /**
     * Makes the directory (and its parents) when missing, and narrows it to {@code 0700} and every file in it to
     * {@code 0600} (files an earlier version left readable to others). False where the file system has no POSIX
     * permissions (Windows), where the directory is left as it is.
     */
    static boolean makeOwnerOnly(Path dir) {
        try {
            Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
            Path existing = dir.getParent() == null ? dir : dir.getParent();
            boolean posix = Files.getFileStore(existing).supportsFileAttributeView("posix");
            if (!Files.isDirectory(dir)) {
                FileAttribute<?>[] attributes = posix
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
                        : new FileAttribute<?>[0];
                Files.createDirectory(dir, attributes);
            }
            if (!posix) {
                return false;
            }
            // createDirectory's mode passes through the umask, which can only narrow it; set it exactly
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.filter(p -> !p.equals(dir)).toList()) {
                    Set<PosixFilePermission> wanted = Files.isDirectory(path) ? OWNER_ONLY_DIR : OWNER_ONLY_FILE;
                    if (!wanted.equals(Files.getPosixFilePermissions(path))) {
                        Files.setPosixFilePermissions(path, wanted);
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the Redis data directory " + dir + " private to its owner", e);
        }
    }

    /**
     * The executable behind a wrapper that sets {@code umask 077} and then becomes redis-server ({@code exec}, so
     * the process, its pid and its signals stay redis-server's): Redis creates its files with the umask of its
     * process, and the JVM cannot set one. The wrapper is an owner-only temporary file, gone when the JVM ends.
     */
    static ExecutableProvider underUmask077(ExecutableProvider executable) {
        return () -> {
            String real = executable.get().getAbsolutePath();
            Path wrapper = Files.createTempFile("circlekeeper-redis-server", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            wrapper.toFile().deleteOnExit();
            Files.writeString(wrapper, "#!/bin/sh\numask 077\nexec '" + real.replace("'", "'\\''") + "' \"$@\"\n");
            return wrapper.toFile();
        };
    }

    static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the Redis data directory " + dir
                    + " is in use by another embedded Redis; give each one its own directory");
        }
        return lock;
    }

    /** The directory as a quoted redis.conf value, which keeps spaces in a path. */
    static String configValue(Path dir) {
        String path = dir.toString();
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a Redis data directory name cannot hold a line break");
        }
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
