/**
 * Takedown notices for deepfake sexual abuse: the EU Digital Services Act Article 16 notice, the US
 * TAKE IT DOWN Act removal request and the Korean request to the Korea Communications Standards
 * Commission or a platform's hotline, each as e-mail text ({@link org.haetae.notices.NoticeWriter})
 * and as PDF; the clock each one starts ({@link org.haetae.notices.Deadlines}); and, in {@code
 * org.haetae.notices.sor}, the platform's answer as a DSA statement of reasons. Plain Java: no
 * framework, nothing printed, nothing fetched.
 */
package org.haetae.notices;
