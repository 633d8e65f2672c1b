package org.circlekeeper.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.circle.Occurrence;
import org.circlekeeper.core.circle.OccurrenceRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * How ids are written inside Redis key names and values, and read back: every platform id percent-encoded
 * ({@link #escape}), a member's or a community's identity as {@code platform:id}, an RSVP index entry, and what a
 * token may look like. {@link RedisKeys} builds the key names from these; stores use them for what they keep
 * inside values.
 */
public final class RedisIds {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RedisIds() {
    }

    /** True when the text could be a token: 1 to 64 characters of the URL-safe base64 alphabet. */
    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /**
     * A member's identity as stored inside values (a token's owner): {@code platform:userId} with the user
     * id escaped like in key names, so two members never share it.
     */
    public static String memberId(MemberRef member) {
        Objects.requireNonNull(member, "member");
        return member.platform().id() + ":" + escape(member.userId());
    }

    /**
     * A community's identity as stored inside values and index entries: {@code platform:communityId} with the id
     * escaped like in key names, so two communities never share it.
     */
    public static String communityId(CommunityRef community) {
        Objects.requireNonNull(community, "community");
        return community.platform().id() + ":" + escape(community.communityId());
    }

    /**
     * The community a {@link #communityId} names.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static CommunityRef parseCommunityId(String id) {
        int colon = Objects.requireNonNull(id, "id").indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a community id: no platform");
        }
        return new CommunityRef(platform(id.substring(0, colon)), unescape(id.substring(colon + 1)));
    }

    /**
     * The member a {@link #memberId} names, without a display name (which is never stored in keys).
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static MemberRef parseMemberId(String id) {
        int colon = Objects.requireNonNull(id, "id").indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a member id: no platform");
        }
        return new MemberRef(platform(id.substring(0, colon)), unescape(id.substring(colon + 1)), null);
    }

    private static Platform platform(String id) {
        for (Platform platform : Platform.values()) {
            if (platform.id().equals(id)) {
                return platform;
            }
        }
        throw new IllegalArgumentException("not a platform id");
    }

    /**
     * An entry of {@link RedisKeys#memberRsvps}: {@code platform:communityId/circleId/meeting}, each part escaped, so that
     * {@link #parseRsvpEntry} finds the meeting again.
     */
    public static String rsvpEntry(CommunityRef community, OccurrenceRef occurrence) {
        Objects.requireNonNull(occurrence, "occurrence");
        return communityId(community) + "/" + escape(occurrence.circleId()) + "/"
                + escape(Occurrence.key(occurrence.original()));
    }

    /**
     * The community and meeting an entry of {@link RedisKeys#memberRsvps} names.
     *
     * @throws IllegalArgumentException when the text is not such an entry
     */
    public static Map.Entry<CommunityRef, OccurrenceRef> parseRsvpEntry(String entry) {
        String[] parts = Objects.requireNonNull(entry, "entry").split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a meeting entry: it needs three parts");
        }
        CommunityRef community = parseCommunityId(parts[0]);
        LocalDateTime original = Occurrence.parseKey(unescape(parts[2]))
                .orElseThrow(() -> new IllegalArgumentException("not a meeting entry: the meeting is not a start time"));
        String circleId = unescape(parts[1]);
        if (!Circle.ID.matcher(circleId).matches()) {
            throw new IllegalArgumentException("not a meeting entry: the circle id is not one");
        }
        return Map.entry(community, new OccurrenceRef(circleId, original));
    }

    /**
     * Percent-encodes every UTF-8 byte outside {@code [A-Za-z0-9._~-]}, the percent sign included, so
     * that distinct ids stay distinct and none holds a separator or a brace.
     */
    public static String escape(String id) {
        Objects.requireNonNull(id, "id");
        if (safeAsItIs(id)) {
            return id;
        }
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '~' || c == '-') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** True when every character is one {@link #escape} keeps as it is (every key of every event escapes its ids). */
    private static boolean safeAsItIs(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '~' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Undoes {@link #escape}: {@code %XX} back to its byte, the rest as it is.
     *
     * @throws IllegalArgumentException when the text is not something {@link #escape} makes
     */
    static String unescape(String escaped) {
        Objects.requireNonNull(escaped, "escaped");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                if (i + 2 >= escaped.length()) {
                    throw new IllegalArgumentException("a '%' without two hex digits");
                }
                int high = Character.digit(escaped.charAt(i + 1), 16);
                int low = Character.digit(escaped.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("a '%' without two hex digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '~' || c == '-')) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("a character escaping would have encoded");
            }
        }
        String id = bytes.toString(StandardCharsets.UTF_8);
        if (!escape(id).equals(escaped)) {
            // lower-case hex digits or bytes that are not UTF-8: not something escape() wrote
            throw new IllegalArgumentException("not in the form escaping writes");
        }
        return id;
    }
}
