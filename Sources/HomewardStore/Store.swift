enum StoreTmp {}
