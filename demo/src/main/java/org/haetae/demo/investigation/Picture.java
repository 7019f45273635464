package org.haetae.demo.investigation;

import java.awt.image.BufferedImage;
import org.haetae.demo.pictures.SyntheticPictures;

/**
 * A picture as posted: what is drawn (kind and seed, or a victim original) and how it was edited.
 * Forwards share the instance of their source, so the same variant always has the same bytes. The
 * edit of a victim variant may be made milder once, by {@link VictimBank#settle}, before anything
 * is written.
 */
final class Picture {
  final Pictures.Kind kind;
  final long seed;
  final Original original;
  Edit edit;
  int distance = -1;

  Picture(Pictures.Kind kind, long seed, Original original, Edit edit) {
    this.kind = kind;
    this.seed = seed;
    this.original = original;
    this.edit = edit;
  }

  static Picture victim(Original o, Edit edit) {
    return new Picture(Pictures.Kind.VICTIM, o.seed(), o, edit);
  }

  /** Size of the file, for pictures drawn at about {@code w} by {@code h}. */
  int[] size(int w, int h) {
    int[] base = Pictures.baseSize(kind, seed, w, h);
    return edit.size(base[0], base[1]);
  }

  /** The picture before any edit, for pictures drawn at about {@code w} by {@code h}. */
  BufferedImage unedited(int w, int h) {
    int[] base = Pictures.baseSize(kind, seed, w, h);
    return Pictures.draw(kind, seed, base[0], base[1]);
  }

  BufferedImage draw(int w, int h) {
    return edit.apply(unedited(w, h));
  }

  byte[] bytes(int w, int h) {
    return SyntheticPictures.jpeg(draw(w, h), edit.quality());
  }

  /** The file's bytes, from the unedited picture already drawn. */
  byte[] bytes(BufferedImage unedited) {
    return SyntheticPictures.jpeg(edit.apply(unedited), edit.quality());
  }
}
