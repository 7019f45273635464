package org.haetae.evidence.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Writing secrets to disk: created owner-only (0600, folder 0700) where the OS has permissions. */
final class KeyFiles {
  private KeyFiles() {}

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates {@code file} with {@code text}, never replacing an existing one (two processes racing
   * to create a key must end up with the same key). Returns false when it already existed.
   */
  static boolean createSecret(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      if (posix()) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    Path tmp = dir.resolve(file.getFileName() + ".tmp" + ProcessHandle.current().pid());
    FileAttribute<?>[] attrs =
        posix()
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, attrs);
    Files.writeString(tmp, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    try {
      // A hard link fails if the name exists, where a rename would silently replace it.
      Files.createLink(file, tmp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
