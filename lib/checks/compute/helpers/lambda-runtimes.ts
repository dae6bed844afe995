/**
 * Lambda managed runtimes and the date AWS deprecates each (from then on: no security patches, no
 * support; creating and then updating functions is blocked later). Source: the "Supported runtimes" and
 * "Deprecated runtimes" tables of https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
 * (deprecation-date column), as published in November 2025. Update this one file when AWS updates the
 * table; `LAMBDA_RUNTIME_TABLE_DATE` says how current it is, and the check's reasons quote it.
 */
export const LAMBDA_RUNTIME_TABLE_DATE = '2025-11';

export const LAMBDA_RUNTIME_DEPRECATION: Readonly<Record<string, string>> = {
  // Supported on the table date, with their announced deprecation dates.
  'nodejs24.x': '2028-04-30',
  'nodejs22.x': '2027-04-30',
  'nodejs20.x': '2026-04-30',
  'python3.14': '2029-06-30',
  'python3.13': '2029-06-30',
  'python3.12': '2028-10-31',
  'python3.11': '2026-06-30',
  'python3.10': '2026-06-30',
  java25: '2029-06-30',
  java21: '2029-06-30',
  java17: '2026-06-30',
  java11: '2026-06-30',
  'java8.al2': '2026-06-30',
  dotnet10: '2028-11-14',
  dotnet8: '2026-11-10',
  'ruby3.4': '2028-03-31',
  'ruby3.3': '2027-03-31',
  'ruby3.2': '2026-03-31',
  'provided.al2023': '2029-06-30',
  'provided.al2': '2026-06-30',
  // Deprecated before the table date.
  'python3.9': '2025-12-15',
  'nodejs18.x': '2025-09-01',
  'nodejs16.x': '2024-06-12',
  'python3.8': '2024-10-14',
  java8: '2024-01-08',
  dotnet7: '2024-05-14',
  dotnet6: '2024-11-12',
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  'nodejs14.x': '2023-12-04',
  'python3.7': '2023-12-04',
  'ruby2.7': '2023-11-27',
  'dotnetcore3.1': '2023-04-03',
  'nodejs12.x': '2023-03-31',
  'python3.6': '2022-07-18',
  'dotnet5.0': '2022-05-10',
  'dotnetcore2.1': '2022-01-05',
  'nodejs10.x': '2021-07-30',
  'ruby2.5': '2021-07-30',
  'python2.7': '2021-07-15',
  'nodejs8.10': '2020-03-06',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2020-03-05',
  'nodejs6.10': '2019-08-12',
  'dotnetcore1.0': '2019-07-27',
  'dotnetcore2.0': '2019-05-30',
  nodejs: '2016-10-31',
};
