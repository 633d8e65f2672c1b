/**
 * Resource lookup and crisis safety: the curated catalog ({@code templates/resources}) and each
 * community's own entries, searched through an in-memory Lucene index ({@link
 * org.circlekeeper.core.resource.ResourceSearch}); the crisis-line directory that every feature
 * reads through {@link org.circlekeeper.core.resource.CrisisLines}; and the opt-in safety check of
 * group messages against the phrase lists in {@code templates/safety}.
 */
package org.circlekeeper.core.resource;
