/**
 * k-means clustering of the member profile that knows when not to cluster: fitted (k-means++, seeded restarts, Apache
 * Commons Math) on a seeded sample of standardised profile columns, k chosen by silhouette, checked for stability by
 * bootstrap (adjusted Rand index, Jaccard per cluster), refused with reasons when the data is thin or the clusters are
 * unstable, and assigned to every customer by nearest-centroid SQL inside the warehouse.
 */
package io.seglift.scoring.clusters;
