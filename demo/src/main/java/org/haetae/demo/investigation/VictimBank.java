package org.haetae.demo.investigation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.haetae.demo.pictures.SyntheticPictures;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.pdq.Hash256;

/**
 * The demo victim bank: the victims' originals, hashed with {@link ImageHasher} as a victim's own
 * device would, and written as an HMA CSV. Also makes sure every planted variant really matches:
 * PDQ does not survive every edit (crops of more than a few percent change the hash beyond the
 * match threshold), so an edit that would not match is made milder until it does.
 */
final class VictimBank {
  /** Planted variants are kept at or below this distance, leaving room below the threshold 31. */
  static final int MAX_PLANTED_DISTANCE = 28;

  private static final int MIN_QUALITY = 60;

  private VictimBank() {}

  /** Draws and hashes the originals, in parallel; the result does not depend on thread timing. */
  static List<Original> originals(long seed, int count, int w, int h) {
    ImageHasher hasher = new ImageHasher();
    Random r = new Random(seed ^ 0x5eed_ba4cL);
    // People and case numbers first, sequentially, so they depend on the seed only.
    Phrases.Target[] persons = new Phrases.Target[count];
    String[] cases = new String[count];
    int caseNo = 1 + r.nextInt(20);
    Phrases.Target person = Phrases.target(r);
    for (int i = 0; i < count; i++) {
      if (i > 0 && r.nextInt(100) < 60) {
        caseNo += 1 + r.nextInt(3);
        person = Phrases.target(r);
      }
      persons[i] = person;
      cases[i] = String.format("V-2024-%03d", caseNo);
    }
    Original[] out = new Original[count];
    IntStream.range(0, count)
        .parallel()
        .forEach(
            i -> {
              for (int attempt = 0; ; attempt++) {
                long s = mix(seed, i, attempt);
                BufferedImage drawn =
                    new Picture(Pictures.Kind.VICTIM, s, null, Edit.EXACT).unedited(w, h);
                ImageHashes hashes = hash(hasher, SyntheticPictures.lossless(drawn));
                if (hashes.pdq().quality() < MIN_QUALITY && attempt < 20) {
                  continue;
                }
                boolean withMd5 = i < 2;
                String md5 =
                    withMd5
                        ? ContentDigests.of(
                                new Picture(Pictures.Kind.VICTIM, s, null, Edit.EXACT).bytes(drawn))
                            .md5()
                        : null;
                String id = String.format("DV-%04d", i + 1);
                out[i] =
                    new Original(
                        i,
                        s,
                        id,
                        cases[i],
                        persons[i],
                        hashes.pdq().hash(),
                        hashes.pdq().quality(),
                        md5,
                        withMd5 ? id + "-file" : null);
                return;
              }
            });
    return List.of(out);
  }

  /**
   * Makes every distinct victim variant match its original: measures the PDQ distance of the very
   * bytes that will be written and backs the edit off until it is at most {@link
   * #MAX_PLANTED_DISTANCE}. Runs in parallel over variants; each outcome depends only on the
   * variant.
   */
  static void settle(Collection<Picture> variants, int w, int h) {
    ImageHasher hasher = new ImageHasher();
    Map<Picture, Boolean> distinct = new IdentityHashMap<>();
    for (Picture p : variants) {
      distinct.put(p, Boolean.TRUE);
    }
    List<Picture> list = new ArrayList<>(distinct.keySet());
    list.parallelStream()
        .forEach(
            p -> {
              BufferedImage unedited = p.unedited(w, h);
              while (true) {
                Hash256 h2 = hash(hasher, p.bytes(unedited)).pdq().hash();
                p.distance = h2.distance(p.original.pdq());
                Edit milder = p.edit.weaker();
                if (p.distance <= MAX_PLANTED_DISTANCE || milder == null) {
                  return;
                }
                p.edit = milder;
              }
            });
  }

  /** True when a picture is too close to any bank entry to count as unrelated. */
  static boolean resembles(byte[] jpeg, List<Original> originals) {
    Hash256 h = hash(new ImageHasher(), jpeg).pdq().hash();
    for (Original o : originals) {
      if (h.distance(o.pdq()) <= 2 * MAX_PLANTED_DISTANCE) {
        return true;
      }
    }
    return false;
  }

  /** Writes the HMA CSV: PDQ entries for every original, MD5 entries for the exact files. */
  static int write(Path csv, List<Original> originals) throws IOException {
    Files.createDirectories(csv.getParent());
    int n = 0;
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("signal_type,signal_value,content_id,victim_case,category,source\n");
      for (Original o : originals) {
        w.write(
            "pdq,"
                + o.pdq().toHex()
                + ","
                + o.entryId()
                + ","
                + o.victimCase()
                + ",synthetic_sexual,demo\n");
        n++;
      }
      for (Original o : originals) {
        if (o.md5() != null) {
          w.write(
              "md5,"
                  + o.md5()
                  + ","
                  + o.md5EntryId()
                  + ","
                  + o.victimCase()
                  + ",synthetic_sexual,demo\n");
          n++;
        }
      }
    }
    return n;
  }

  private static ImageHashes hash(ImageHasher hasher, byte[] bytes) {
    try {
      return hasher.hash(Path.of("memory"), bytes);
    } catch (ImageDecodeException e) {
      throw new UncheckedIOException(new IOException("a generated picture did not decode", e));
    }
  }

  static long mix(long seed, long a, long b) {
    long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
