package org.circlekeeper.redis;

import java.nio.file.Path;
import org.circlekeeper.core.member.SecretFile;

/**
 * The embedded Redis's password, made once at random and kept in a file that only its owner may read or write
 * (created so; narrowed if someone widened it), beside the note key, so the bot and an operator's {@code
 * redis-cli -a} find the same one after a restart.
 */
public final class RedisPasswordFile {

    private RedisPasswordFile() {
    }

    /** The password in the file, making the file (and its folder) with a new one when it does not exist. */
    public static String loadOrCreate(Path file) {
        String password = SecretFile.loadOrCreate(file, EmbeddedRedis::newPassword, "Redis password");
        if (password.length() < 16 || !password.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\\')) {
            throw new IllegalStateException("the Redis password file " + file + " does not hold a usable password "
                    + "(at least 16 printable ASCII characters without spaces, quotes or backslashes); delete it to make a new one");
        }
        return password;
    }
}
