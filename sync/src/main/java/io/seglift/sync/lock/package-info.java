/** One run per sync at a time, across processes (OS file locks under the project directory). */
package io.seglift.sync.lock;
