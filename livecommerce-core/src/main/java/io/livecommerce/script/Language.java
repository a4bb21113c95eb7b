package io.livecommerce.script;

/** The language of a script. Thread-safe (an enum). */
public enum Language {
  /** Simplified Chinese, the default. */
  ZH,
  /** English. */
  EN
}
