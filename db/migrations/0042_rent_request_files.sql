-- A rent request's documents (a lease, receipts) are read by whoever reads the request: the service's housing
-- team and finance officers (rent_request_files' own policy), like a court report's files (0023).
CREATE POLICY stored_files_rent_requests ON stored_files FOR SELECT TO trama_app
  USING (id IN (SELECT f.file_id FROM rent_request_files f));
