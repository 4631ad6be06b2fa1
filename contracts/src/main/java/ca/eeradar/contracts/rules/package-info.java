/**
 * The rules that the events and the APIs promise, defined once: what a round number, a candidate id and a
 * CRS score are. The services validate with these classes and the JSON Schemas carry the same literals
 * (a contracts test compares them), so no two parts of the system can disagree on what is valid.
 */
package ca.eeradar.contracts.rules;
