/** The case report (HTML, PDF, JSON) and the evidence manifest. */
package org.haetae.report;
