package org.haetae.telegram.read;

import java.io.IOException;
import org.haetae.telegram.model.Account;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.Contact;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.SectionItem;

/**
 * Receives the records of an export as the reader meets them. Messages of a chat arrive before the
 * chat itself, because the chat's header may only be complete once its messages have been read.
 */
public interface ExportSink {
  void message(Message message) throws IOException;

  void chat(Chat chat) throws IOException;

  default void contact(Contact contact) throws IOException {}

  default void section(SectionItem item) throws IOException {}

  /** Called after all messages, once per account seen. */
  default void account(Account account) throws IOException {}

  void finding(Finding finding) throws IOException;
}
