# Amazon Kinesis Data Streams (runtime/connectors/kinesis).
#
# tst_kinesis_sigv4 (unit): AWS Signature Version 4 against AWS's published test suite and
# against botocore's signer (Debian python3-botocore, offline).
sw_add_qtest(tst_kinesis_sigv4 SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kinesis_sigv4.cpp
  LIBS sw_runtime LABELS unit)
