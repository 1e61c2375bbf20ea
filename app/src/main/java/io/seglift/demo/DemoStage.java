package io.seglift.demo;

/**
 * One step of {@code seglift demo}, run in order by the demo command ({@link DemoStages#defaults}). A stage that has
 * nothing to do returns {@link StageResult#skipped} with the reason.
 */
public interface DemoStage {

    /** Short name, e.g. {@code generate data}. */
    String name();

    /** Runs the stage; a thrown exception marks it failed and stops the demo. */
    StageResult run(DemoContext context) throws Exception;
}
