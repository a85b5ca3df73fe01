package com.cruddur.guards;

/** Compiles, but Error Prone warns (MissingOverride), and a warning fails the build. */
public final class ErrorProneViolation {

    public String toString() {
        return "a toString without @Override";
    }
}
