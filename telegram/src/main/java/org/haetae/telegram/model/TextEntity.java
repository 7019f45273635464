package org.haetae.telegram.model;

/**
 * A typed run of a message's text: mention, hashtag, link, email, phone, text_link, bold, ...
 *
 * @param type the entity type as written ({@code plain} runs are not kept as entities)
 * @param offset UTF-16 offset of the run in {@link Text#plain()}
 * @param text the run's text
 * @param href target of a {@code text_link}
 * @param userId the user of a {@code mention_name}
 * @param language language of a {@code pre} block
 * @param documentId the sticker document of a {@code custom_emoji}
 */
public record TextEntity(
    String type,
    int offset,
    String text,
    String href,
    String userId,
    String language,
    String documentId) {}
