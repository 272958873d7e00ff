-- Listing and counting one mesh's resources of a type (the usual listing): a range of this index,
-- already in name order. (The key index (type, name, mesh) serves listings across meshes.)
CREATE INDEX resources_mesh_idx ON resources (type, mesh, name);
