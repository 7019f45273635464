package org.haetae.demo.export;

import java.util.List;

/**
 * The pages of a whole-account export that come before its chats: the owner, profile pictures,
 * contacts, frequent contacts and sessions. Times are Unix seconds.
 */
public record AccountInfo(
    long userId,
    String firstName,
    String lastName,
    String phone,
    String username,
    String bio,
    List<ProfilePicture> profilePictures,
    List<Contact> contacts,
    List<FrequentContact> frequentContacts,
    List<Session> sessions) {
  public AccountInfo {
    profilePictures = List.copyOf(profilePictures);
    contacts = List.copyOf(contacts);
    frequentContacts = List.copyOf(frequentContacts);
    sessions = List.copyOf(sessions);
  }

  /** A profile picture; {@code path} is relative to the export folder. */
  public record ProfilePicture(long time, String path) {}

  public record Contact(long userId, String firstName, String lastName, String phone, long added) {}

  /**
   * @param rating written as given, e.g. {@code 0.81}
   */
  public record FrequentContact(
      long id, String category, String type, String name, String rating) {}

  public record Session(long lastActive, String ip, String application) {}
}
