package io.seglift.demo;

/**
 * One step of {@code seglift demo}, run in order by the demo command. Stages that need a feature check for it and
 * return {@link StageResult#notThereYet}; as features land, {@link DemoStages#defaults()} swaps the placeholder for
 * the real stage.
 */
public interface DemoStage {

    /** Short name, e.g. {@code generate data}. */
    String name();

    /** Runs the stage; a thrown exception marks it failed and stops the demo. */
    StageResult run(DemoContext context) throws Exception;
}
