package org.haetae.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haetae.telegram.model.Account;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.Contact;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.read.ExportReader;
import org.haetae.telegram.read.ExportSink;
import org.haetae.telegram.read.ReadSummary;

/** Everything {@link ExportReader} delivers for one export, kept in memory (small exports only). */
record ExportContents(
    String name,
    ReadSummary summary,
    List<Chat> chats,
    List<Message> messages,
    List<Finding> findings,
    Set<String> userIds) {

  static ExportContents read(Path exportDir) throws IOException {
    List<Chat> chats = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Set<String> users = new LinkedHashSet<>();
    ReadSummary summary =
        new ExportReader(exportDir)
            .read(
                new ExportSink() {
                  @Override
                  public void message(Message m) {
                    messages.add(m);
                  }

                  @Override
                  public void account(Account a) {
                    if (a.id().kind().equals("user")) {
                      users.add(a.id().toString());
                    }
                  }

                  @Override
                  public void chat(Chat chat) {
                    chats.add(chat);
                  }

                  @Override
                  public void contact(Contact contact) {
                    users.add("user" + contact.userId());
                  }

                  @Override
                  public void finding(Finding finding) {
                    findings.add(finding);
                  }
                });
    return new ExportContents(
        exportDir.getFileName().toString(), summary, chats, messages, findings, users);
  }

  /** Messages by chat id and message id. */
  Map<Long, Map<Long, Message>> byChat() {
    Map<Integer, Long> chatIds = new HashMap<>();
    for (Chat c : chats) {
      chatIds.put(c.ordinal(), c.id());
    }
    Map<Long, Map<Long, Message>> out = new HashMap<>();
    for (Message m : messages) {
      out.computeIfAbsent(chatIds.get(m.chatOrdinal()), k -> new HashMap<>()).put(m.id(), m);
    }
    return out;
  }
}
