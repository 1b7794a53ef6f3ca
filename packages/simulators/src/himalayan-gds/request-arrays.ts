/** Elements of the requests that may repeat, so one and many parse alike. */
export const REQUEST_ARRAYS = [
  'unitNumberDetail',
  'paxReference',
  'Envelope.Body.Fare_MasterPricerTravelBoardSearch.paxReference.traveller',
  'priceType',
  'itinerary',
  'passengersGroup',
  'travellerDetails',
  'segmentGroup',
  'pricingOptionGroup',
  'optionCode',
  'travellerInfo',
  'originDestinationDetails',
  'itineraryInfo',
  'dataElementsIndiv',
  'optionGroup',
];
