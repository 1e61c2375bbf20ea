package io.seglift.config.read;

/** What every section reader needs: where problems go and how references resolve. */
public record ReadContext(Problems problems, References references) {
}
