package org.haetae.telegram.read;

import java.util.ArrayList;
import java.util.List;
import org.haetae.telegram.model.Account;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.Contact;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.SectionItem;

/** A sink that keeps everything, for tests on small exports. */
final class Collected implements ExportSink {
  final List<Message> messages = new ArrayList<>();
  final List<Chat> chats = new ArrayList<>();
  final List<Contact> contacts = new ArrayList<>();
  final List<SectionItem> sections = new ArrayList<>();
  final List<Account> accounts = new ArrayList<>();
  final List<Finding> findings = new ArrayList<>();
  ReadSummary summary;

  static Collected read(ExportReader reader) throws java.io.IOException {
    Collected c = new Collected();
    c.summary = reader.read(c);
    return c;
  }

  Message byId(long id) {
    return messages.stream()
        .filter(m -> m.id() != null && m.id() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message " + id));
  }

  List<Finding> findings(String kind) {
    return findings.stream().filter(f -> f.kind().equals(kind)).toList();
  }

  @Override
  public void message(Message message) {
    messages.add(message);
  }

  @Override
  public void chat(Chat chat) {
    chats.add(chat);
  }

  @Override
  public void contact(Contact contact) {
    contacts.add(contact);
  }

  @Override
  public void section(SectionItem item) {
    sections.add(item);
  }

  @Override
  public void account(Account account) {
    accounts.add(account);
  }

  @Override
  public void finding(Finding finding) {
    findings.add(finding);
  }
}
