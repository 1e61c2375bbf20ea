package io.seglift.demo;

/** A stage whose feature has not landed yet: says so plainly, and which issue brings it. */
public record PendingStage(String name, String what, String issue) implements DemoStage {

    @Override
    public StageResult run(DemoContext context) {
        return StageResult.notThereYet(what + " (" + issue + ")");
    }
}
