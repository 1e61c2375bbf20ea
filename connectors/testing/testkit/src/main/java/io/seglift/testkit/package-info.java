/**
 * The destination conformance kit: {@link io.seglift.testkit.DestinationConformanceTest}, the abstract JUnit 5 test every
 * destination's test extends, plus the sandbox glue it needs ({@link io.seglift.testkit.SandboxHandle},
 * {@link io.seglift.testkit.WireMockFaults}) and the privacy checks ({@link io.seglift.testkit.OutputCapture},
 * {@link io.seglift.testkit.PiiScanner}).
 */
package io.seglift.testkit;
