/** Progress reporting from long-running work (loads, scoring, syncs) to whatever shows it: a bar on a terminal, plain lines otherwise. */
package io.seglift.spi.progress;
