package io.seglift.measure;

/**
 * Predicted against observed for one score decile (10 = highest scores).
 *
 * @param predicted mean predicted probability of the members
 * @param observed  share of members with the predicted outcome within the horizon
 * @param low       lower end of the range the observed rate should fall in if the prediction were right
 * @param high      upper end of that range
 * @param outside   observed rate outside [low, high]
 */
public record DecileCalibration(int decile, long n, double predicted, double observed, double low, double high,
                                boolean outside) {
}
