/**
 * The ground floor every other package stands on: who and where ({@link org.circlekeeper.core.ref.Platform},
 * {@link org.circlekeeper.core.ref.MemberRef}, {@link org.circlekeeper.core.ref.ChannelRef},
 * {@link org.circlekeeper.core.ref.CommunityRef}), the key of a message text and the catalog that collects a class's
 * keys, the typed name of a store ({@link org.circlekeeper.core.ref.StoreKey}), the language and zone to speak in,
 * what a feature keeps about a member ({@link org.circlekeeper.core.ref.PersonalData}), what the bot counts
 * ({@link org.circlekeeper.core.ref.Metrics}), the mark on a feature's port ({@link org.circlekeeper.core.ref.FeaturePort})
 * and the ids made from a SHA-256 ({@link org.circlekeeper.core.ref.Ids}). It imports nothing else of circlekeeper.
 */
package org.circlekeeper.core.ref;
