package org.haetae.telegram.model;

import java.util.List;

/**
 * A part of a full account export other than chats and contacts ({@code personal_information},
 * {@code profile_pictures}, {@code stories}, {@code sessions}, {@code other_data}, ...), kept as
 * raw JSON with the media it points at.
 *
 * @param section the top-level key
 * @param index position in the section's list, or -1 when the section is one object
 */
public record SectionItem(String section, long index, List<MediaRef> media, RawJson rawJson) {
  public SectionItem {
    media = List.copyOf(media);
  }
}
