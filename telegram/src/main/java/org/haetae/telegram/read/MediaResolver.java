package org.haetae.telegram.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.haetae.telegram.model.MediaStatus;

/**
 * Decides what a path written in an export names, without ever following it out of the export
 * folder: placeholders, {@code ..}, absolute paths and symbolic links are classified, not opened.
 */
public final class MediaResolver {
  private final Path root;
  private final Path realRoot;

  /** A path's classification and, when {@link MediaStatus#PRESENT}, its path inside the export. */
  public record Resolution(MediaStatus status, String relativePath) {}

  public MediaResolver(Path exportDir) throws IOException {
    this.root = exportDir.toAbsolutePath().normalize();
    this.realRoot = exportDir.toRealPath();
  }

  public Resolution resolve(String raw) {
    if (raw == null || raw.isBlank() || raw.indexOf('\0') >= 0) {
      return new Resolution(MediaStatus.INVALID_PATH, null);
    }
    String t = raw.strip();
    if (t.startsWith("(") && t.endsWith(")")) {
      return new Resolution(placeholder(t), null);
    }
    if (t.startsWith("/")
        || t.startsWith("\\")
        || t.startsWith("~")
        || (t.length() >= 2 && Character.isLetter(t.charAt(0)) && t.charAt(1) == ':')) {
      return new Resolution(MediaStatus.ABSOLUTE_PATH, null);
    }
    // Windows-made exports and hostile ones may use backslashes; treat both as separators.
    List<String> parts = new ArrayList<>();
    for (String s : t.split("[/\\\\]")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        return new Resolution(MediaStatus.PATH_TRAVERSAL, null);
      }
      parts.add(s);
    }
    if (parts.isEmpty()) {
      return new Resolution(MediaStatus.INVALID_PATH, null);
    }
    Path p = root;
    try {
      for (String s : parts) {
        p = p.resolve(s);
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          return new Resolution(MediaStatus.MISSING, null);
        }
        if (a.isSymbolicLink()) {
          return new Resolution(
              leadsOutside(p) ? MediaStatus.SYMLINK_OUTSIDE : MediaStatus.SYMLINK, null);
        }
      }
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        return new Resolution(MediaStatus.NOT_A_FILE, null);
      }
    } catch (InvalidPathException e) {
      return new Resolution(MediaStatus.INVALID_PATH, null);
    }
    return new Resolution(MediaStatus.PRESENT, String.join("/", parts));
  }

  private boolean leadsOutside(Path link) {
    try {
      return !link.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      // A dangling link: where it points is outside what we can vouch for.
      return true;
    }
  }

  private static MediaStatus placeholder(String t) {
    if (t.contains("not included")) {
      return MediaStatus.NOT_INCLUDED;
    }
    if (t.contains("exceeds maximum size")) {
      return MediaStatus.EXCEEDS_MAXIMUM_SIZE;
    }
    if (t.contains("unavailable")) {
      return MediaStatus.UNAVAILABLE;
    }
    return MediaStatus.OTHER_PLACEHOLDER;
  }
}
