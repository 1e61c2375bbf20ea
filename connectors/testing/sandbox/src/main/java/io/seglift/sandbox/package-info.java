/**
 * Local stand-ins for destination APIs, built on WireMock, shared by every destination module.
 *
 * <p>A destination module implements {@link io.seglift.sandbox.SandboxApi} (an in-memory model of the vendor API for
 * the endpoints it uses, answering with real-shaped responses) and registers a {@link
 * io.seglift.sandbox.SandboxProvider} so {@code seglift demo} can start it by destination type. {@link
 * io.seglift.sandbox.WireMockSandbox} serves the API on a local port and adds what every sandbox needs:
 * <ul>
 *   <li>a rolling-window rate limit ({@link io.seglift.sandbox.RollingWindowLimit}) answered with the API's own 429;</li>
 *   <li>seeded fault injection ({@link io.seglift.sandbox.FaultPlan}): 429 with Retry-After, 5xx, slow responses
 *       (timeouts, with the work done), connection resets, and partial failures the API renders itself;</li>
 *   <li>counters ({@link io.seglift.sandbox.SandboxStats}) for tests and throughput measurements.</li>
 * </ul>
 */
package io.seglift.sandbox;
