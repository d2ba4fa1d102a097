package com.tagline.simulator.line;

/** One item on the belt; {@code position} is its leading edge in millimetres. */
public final class ConveyorItem {
    private final long id;
    private final boolean defective;
    private double position;

    ConveyorItem(long id, boolean defective, double position) {
        this.id = id;
        this.defective = defective;
        this.position = position;
    }

    public long id() {
        return id;
    }

    /** Whether the chip this item carries fails encoding. */
    public boolean defective() {
        return defective;
    }

    public double position() {
        return position;
    }

    void moveTo(double position) {
        this.position = position;
    }

    boolean covers(double point, double length) {
        return position >= point && position - length < point;
    }
}
