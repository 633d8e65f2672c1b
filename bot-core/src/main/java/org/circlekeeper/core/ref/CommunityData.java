package org.circlekeeper.core.ref;

/**
 * What one feature keeps for a community as a whole beyond its community's records in the stores (its due jobs in
 * the queue, say), so that when the bot has left a community for good everything the community owns is erased.
 * The stores' own records of the community are erased together, by the community's store port.
 */
public interface CommunityData {

    /** A stable token naming what is erased, for logs ({@code circle-jobs}). */
    String section();

    /** Erases it for the community; safe to run again (an erasure interrupted half way is run again whole). */
    void erase(CommunityRef community);
}
