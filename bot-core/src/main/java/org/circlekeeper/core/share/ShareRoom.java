package org.circlekeeper.core.share;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;

/** Where a share circle runs: one group channel of one community; at most one session runs there at a time. */
public record ShareRoom(CommunityRef community, ChannelRef channel) {

    public ShareRoom {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(channel, "channel");
        if (channel.isDirect()) {
            throw new IllegalArgumentException("a share circle runs in a group channel");
        }
        if (channel.platform() != community.platform()) {
            throw new IllegalArgumentException("a channel and its community are on one platform");
        }
    }

    /** The room of a group channel the event happened in; empty in a direct chat (or a channel of another platform). */
    public static Optional<ShareRoom> of(Context context) {
        if (context.channel().isDirect() || context.channel().platform() != context.community().platform()) {
            return Optional.empty();
        }
        return Optional.of(new ShareRoom(context.community(), context.channel()));
    }

    /** The room as one line of text ({@code platform community channel}, each part URL-encoded), for job payloads and indexes. */
    public String token() {
        return community.platform().id() + " " + encode(community.communityId()) + " " + encode(channel.channelId());
    }

    /** The room a {@link #token()} names, if the text is one. */
    public static Optional<ShareRoom> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Platform platform = Platform.fromId(parts[0]);
            CommunityRef community = new CommunityRef(platform, URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            ChannelRef channel = new ChannelRef(platform, URLDecoder.decode(parts[2], StandardCharsets.UTF_8), ChannelRef.Kind.GROUP);
            return Optional.of(new ShareRoom(community, channel));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
