package io.livecommerce.math;

/** Lets tests in other packages use the independent Gauss-Jordan inverse. */
public final class SpdInverseTestAccess {
  private SpdInverseTestAccess() {}

  public static double[] gaussJordan(double[] a, int n) {
    return SpdInverseTest.gaussJordan(a, n);
  }
}
