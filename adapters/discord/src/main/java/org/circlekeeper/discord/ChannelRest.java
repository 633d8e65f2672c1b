package org.circlekeeper.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.Request;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import okhttp3.RequestBody;

/**
 * A channel's messages by its id alone, through the REST API: sending, editing and deleting need no gateway and no
 * cached channel (API reference, Resources, Message: "Create Message" {@code POST /channels/{channel.id}/messages},
 * "Edit Message", "Delete Message"), so any replica can reach a channel of a server whose shard another replica runs,
 * or a member's DM channel, and any shard's JDA will do. The requests go through JDA's requester and so through its
 * rate limiter and the bot's global pace. JDA offers this only for channels in its cache, so the actions are built
 * on its public {@link Route}s with its {@code RestActionImpl} (an internal class, stable across JDA 5 and 6).
 */
final class ChannelRest {

    private ChannelRest() {
    }

    /** Creates a message in the channel; its result is the new message's id. */
    static RestAction<String> send(JDA jda, String channelId, MessageCreateData part) {
        Route.CompiledRoute route = Route.Messages.SEND_MESSAGE.compile(channelId);
        if (part.getFiles().isEmpty()) {
            return new RestActionImpl<>(jda, route, part.toData(), ChannelRest::messageId);
        }
        return new RestActionImpl<>(jda, route, upload(part.toData(), part.getFiles()), ChannelRest::messageId);
    }

    /** Replaces a message's content and components. */
    static RestAction<String> edit(JDA jda, String channelId, String messageId, MessageEditData edit) {
        Route.CompiledRoute route = Route.Messages.EDIT_MESSAGE.compile(channelId, messageId);
        if (edit.getFiles().isEmpty()) {
            return new RestActionImpl<>(jda, route, edit.toData(), ChannelRest::messageId);
        }
        return new RestActionImpl<>(jda, route, upload(edit.toData(), edit.getFiles()), ChannelRest::messageId);
    }

    /** Deletes a message. */
    static RestAction<Void> delete(JDA jda, String channelId, String messageId) {
        return new RestActionImpl<>(jda, Route.Messages.DELETE_MESSAGE.compile(channelId, messageId));
    }

    /** A multipart upload: the files, and the JSON as {@code payload_json}. */
    private static RequestBody upload(DataObject json, List<FileUpload> files) {
        return AttachedFile.createMultipartBody(files, json).build();
    }

    private static String messageId(Response response, Request<String> request) {
        return response.getObject().getString("id");
    }
}
