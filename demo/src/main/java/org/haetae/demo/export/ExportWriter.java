package org.haetae.demo.export;

import java.io.Closeable;
import java.io.IOException;

/**
 * One Telegram Desktop export being written in one of its formats. The generator decides what the
 * export holds and writes the media files; a writer only lays out the document ({@code result.json}
 * for {@link JsonExportWriter}; an HTML writer would write {@code messages.html} pages).
 *
 * <p>Calls come in document order. A whole-account export: {@link #beginAccount}, then chats, then
 * {@link #beginLeftChats} and the left chats, then {@link #finish}. A single-chat export: one chat,
 * then {@link #finish}. A chat is {@link #beginChat}, its messages oldest first, {@link #endChat}.
 */
public interface ExportWriter extends Closeable {
  /** The account's own pages, up to the opened list of chats. */
  void beginAccount(AccountInfo account) throws IOException;

  /** Closes the list of chats and opens the list of chats the account left. */
  void beginLeftChats() throws IOException;

  void beginChat(ChatInfo chat) throws IOException;

  void message(ExportMessage message) throws IOException;

  void endChat() throws IOException;

  /** Ends the document; {@link #close} then releases the file. */
  void finish() throws IOException;
}
