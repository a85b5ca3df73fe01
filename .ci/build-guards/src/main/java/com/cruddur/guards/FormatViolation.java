package com.cruddur.guards;

/** Compiles without a warning, but is not laid out as the formatter lays it out. */
public final class FormatViolation {

  private FormatViolation() {}

  public static int twice(int number) {return 2*number;}
}
