package org.haetae.server;

import java.nio.file.Path;
import org.haetae.analysis.result.CaseAnalysis;

/** Lets tests in other packages use {@link CaseStoreTest}'s analysed case. */
public final class CaseStoreTestAccess {
  public CaseAnalysis analyse(Path dir) throws Exception {
    return new CaseStoreTest().analyseInto(dir);
  }
}
