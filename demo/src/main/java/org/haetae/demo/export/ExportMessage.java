package org.haetae.demo.export;

import java.util.List;

/**
 * One message as an export shows it, in no particular format: names as of the export's day, the
 * file it carries (or the placeholder of a file the export settings left out), and for a service
 * message its action. Times are Unix seconds.
 *
 * @param edited when it was last edited, or 0
 * @param from who sent it (for a service message: who acted)
 * @param author a channel post's signature, or null
 * @param forwardedFrom where a forward comes from, or null when the message is not one
 * @param savedFrom the chat a Saved Messages entry came from, or null
 * @param replyTo the message id replied to; 0 or less for none
 * @param media the file, or null
 * @param action the service action, or null for an ordinary message
 * @param text the text as typed; mentions and links are marked by the writer ({@link TextRuns})
 */
public record ExportMessage(
    long id,
    long time,
    long edited,
    Sender from,
    String author,
    Forward forwardedFrom,
    String savedFrom,
    long replyTo,
    Media media,
    ServiceAction action,
    String text) {

  public boolean isService() {
    return action != null;
  }

  /**
   * @param name the display name, as of the export's day
   * @param id {@code user123} or {@code channel456}
   */
  public record Sender(String name, String id) {}

  /**
   * @param name the display name the forward shows; null when its sender hides it
   */
  public record Forward(String name) {}

  /** A file a message carries. */
  public sealed interface Media permits Photo, MediaFile {}

  /**
   * A photo.
   *
   * @param path relative to the export folder, or null when the export left the file out
   */
  public record Photo(String path, int width, int height) implements Media {}

  /**
   * Any other file: sticker, voice message, video, document.
   *
   * @param path relative to the export folder, or null when the export left the file out
   * @param stickerEmoji for a sticker, its emoji; else null
   * @param width 0 when the file has no picture size
   * @param durationSeconds 0 when the file has no duration
   */
  public record MediaFile(
      String path,
      String mediaType,
      String stickerEmoji,
      String mimeType,
      int width,
      int height,
      int durationSeconds)
      implements Media {}

  /** What a service message records, one type per action the generator writes. */
  public sealed interface ServiceAction {
    /** Telegram's name for the action, as its JSON writes it. */
    String code();

    record CreateGroup(String title, List<String> members) implements ServiceAction {
      public CreateGroup {
        members = List.copyOf(members);
      }

      public String code() {
        return "create_group";
      }
    }

    record CreateChannel(String title) implements ServiceAction {
      public String code() {
        return "create_channel";
      }
    }

    record InviteMembers(List<String> members) implements ServiceAction {
      public InviteMembers {
        members = List.copyOf(members);
      }

      public String code() {
        return "invite_members";
      }
    }

    /** Also how leaving is written: removing oneself. */
    record RemoveMembers(List<String> members) implements ServiceAction {
      public RemoveMembers {
        members = List.copyOf(members);
      }

      public String code() {
        return "remove_members";
      }
    }

    record JoinByLink(String inviter) implements ServiceAction {
      public String code() {
        return "join_group_by_link";
      }
    }

    record PinMessage(long messageId) implements ServiceAction {
      public String code() {
        return "pin_message";
      }
    }

    record EditTitle(String title) implements ServiceAction {
      public String code() {
        return "edit_group_title";
      }
    }

    record EditPhoto(Photo photo) implements ServiceAction {
      public String code() {
        return "edit_group_photo";
      }
    }

    record PhoneCall(long durationSeconds, String discardReason) implements ServiceAction {
      public String code() {
        return "phone_call";
      }
    }
  }
}
