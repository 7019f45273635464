package org.haetae.demo.export;

/**
 * A chat as an export names it.
 *
 * @param name the title, or the other side's name in a private chat; null for Saved Messages
 * @param type Telegram's chat type ({@code private_supergroup}, {@code personal_chat}, ...)
 * @param id the chat id (a private chat is named by the other side's user id)
 */
public record ChatInfo(String name, String type, long id) {}
