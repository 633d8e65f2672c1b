package org.circlekeeper.core.message;

import java.util.Objects;

/** A file sent with a message: a chart (PNG), a data export (JSON), a calendar (ICS). */
public record Attachment(String fileName, String mediaType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }

    public boolean isText() {
        return mediaType.startsWith("text/") || mediaType.equals("application/json");
    }
}
