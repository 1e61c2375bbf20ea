/**
 * XGBoost JSON models as data ({@link io.seglift.scoring.propensity.sql.TreeEnsemble}) and their compilation to one SQL
 * expression per dialect ({@link io.seglift.scoring.propensity.sql.TreeSqlCompiler}).
 */
package io.seglift.scoring.propensity.sql;
