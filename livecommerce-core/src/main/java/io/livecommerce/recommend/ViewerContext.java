package io.livecommerce.recommend;

import io.livecommerce.math.Vectors;
import java.util.List;

/**
 * Everything one request needs to know about its viewer, computed once per request from the trained model and, when
 * the viewer has one, their live session: the collaborative vector (trained, or folded in from training plus
 * session), item-to-item scores, the content profile (trained, session, or stated interests) and repeat recency.
 *
 * <p>Immutable after construction and confined to the request's thread. Package-private.
 */
final class ViewerContext {

  private static final double HOUR = 3_600_000.0;

  final HybridRoomRecommender model;
  final int u; // trained viewer index, or -1
  final ViewerSession.View session; // null without one
  final float[] alsVector; // null when the family has no ALS part or the viewer has nothing to score with
  final float[] easeScores; // by anchor, or null
  final float[] profile; // unit length, or null
  final boolean fromInterests;

  private ViewerContext(HybridRoomRecommender model, int u, ViewerSession.View session, float[] alsVector,
      float[] easeScores, float[] profile, boolean fromInterests) {
    this.model = model;
    this.u = u;
    this.session = session;
    this.alsVector = alsVector;
    this.easeScores = easeScores;
    this.profile = profile;
    this.fromInterests = fromInterests;
  }

  static ViewerContext of(HybridRoomRecommender m, String viewerId, ViewerSession.View session,
      List<String> interests) {
    int u = m.cf.userIndexOf(viewerId);
    float[] als = null;
    if (m.family.usesAls() && m.weights().cf() > 0) {
      if (session != null && session.alsVector() != null) {
        als = session.alsVector();
      } else if (u >= 0) {
        als = m.cf.userFactors(u);
      }
    }
    float[] ease = null;
    if (m.ease != null && m.weights().cf() > 0 && (u >= 0 || session != null)) {
      float[] strengths = m.anchorStrengths(u, session);
      ease = new float[strengths.length];
      m.ease.addScores(m.allAnchors(), strengths, ease);
    }
    float[] trained = u >= 0 ? m.profiles[u] : null;
    float[] recent = session != null ? session.profile() : null;
    float[] profile;
    if (trained != null && recent != null) {
      profile = trained.clone();
      Vectors.addScaled(profile, recent, (float) m.config.sessionWeight());
      profile = Vectors.normalizeInPlace(profile);
    } else {
      profile = trained != null ? trained : recent;
    }
    boolean fromInterests = false;
    if (profile == null && !interests.isEmpty()) {
      profile = m.interestVector(String.join(" ", interests));
      fromInterests = true;
    }
    return new ViewerContext(m, u, session, als, ease, profile, fromInterests);
  }

  /** The collaborative score of anchor {@code a} (a model index), before the blend weight. */
  double cf(int a) {
    double share = model.family == ModelFamily.BLEND ? 0.5 : 1;
    double s = 0;
    if (alsVector != null) {
      s += share * model.cf.score(alsVector, a);
    }
    if (easeScores != null) {
      s += share * easeScores[a];
    }
    return s;
  }

  /** Whether the viewer watched anchor {@code a}, in training or in the session. */
  boolean watched(int a) {
    return (u >= 0 && model.viewerAnchorWeights[u][a] > 0)
        || (session != null && session.find(a) >= 0 && session.weights()[session.find(a)] > 0);
  }

  /** The repeat-viewing bucket of anchor {@code a} at {@code atMillis}: the nearer of training and session; -1. */
  int repeatBucket(int a, long atMillis) {
    double hours = u >= 0 ? model.repeat.hoursAgo(u, a, atMillis) : Double.NaN;
    if (session != null) {
      int i = session.find(a);
      if (i >= 0 && session.lastWatch()[i] != Long.MIN_VALUE) {
        double h = Math.max(0, (atMillis - session.lastWatch()[i]) / HOUR);
        hours = Double.isNaN(hours) ? h : Math.min(hours, h);
      }
    }
    return Double.isNaN(hours) ? -1 : RepeatSignal.bucket(hours);
  }

  /** Whether the viewer has any history, trained or in session. */
  boolean known() {
    return u >= 0 || session != null;
  }
}
