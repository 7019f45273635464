package org.haetae.telegram.model;

/**
 * A media file a message (or profile picture, story) points at.
 *
 * @param field the JSON field that held the path: {@code photo}, {@code file}, {@code thumbnail},
 *     ...
 * @param rawPath exactly what the export wrote there
 * @param status whether it names a file inside the export
 * @param relativePath for {@link MediaStatus#PRESENT}, the path inside the export folder with
 *     {@code /} separators; else null
 * @param mediaType {@code sticker}, {@code video_file}, {@code voice_message}, ...; {@code photo}
 *     for photos
 * @param size the size the export states ({@code photo_file_size}, {@code file_size}), if any
 */
public record MediaRef(
    String field,
    String rawPath,
    MediaStatus status,
    String relativePath,
    String mediaType,
    String mimeType,
    String fileName,
    Long size,
    Integer width,
    Integer height,
    Integer durationSeconds) {}
