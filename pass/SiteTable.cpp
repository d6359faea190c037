//===- SiteTable.cpp - The per-module table of instrumentation sites ------===//
#include "SiteTable.h"
#include "llvm/IR/Constants.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

namespace borrowscope {

namespace {

// Runs before the module's own constructors (C++ uses 65535), so that events
// from static initializers already have a registered base.
constexpr int CtorPriority = 1;

/// The LLVM type of struct bs_site; the field order must match abi.h.
StructType *siteType(LLVMContext &C) {
  Type *I8 = Type::getInt8Ty(C), *I32 = Type::getInt32Ty(C);
  Type *Ptr = PointerType::getUnqual(C);
  return StructType::get(C, {I8, I8, I8, I8, I32, I32, I32, I32, I32, I32,
                             I32, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr});
}

/// The LLVM type of struct bs_module.
StructType *moduleType(LLVMContext &C) {
  Type *I32 = Type::getInt32Ty(C), *Ptr = PointerType::getUnqual(C);
  return StructType::get(C, {I32, I32, Ptr, Ptr, Ptr, I32, I32});
}

} // namespace

SiteTable::SiteTable(Module &M) : M(M) {
  Type *I32 = Type::getInt32Ty(M.getContext());
  Base = new GlobalVariable(M, I32, /*isConstant=*/false,
                            GlobalValue::InternalLinkage,
                            ConstantInt::get(I32, BS_SITE_UNREGISTERED_BASE),
                            "__borrowscope_site_base");
}

uint32_t SiteTable::add(SiteInfo Site) {
  Sites.push_back(std::move(Site));
  return Sites.size() - 1;
}

Value *SiteTable::emitSiteNumber(IRBuilderBase &B, uint32_t Index) {
  Value *ModuleBase = B.CreateLoad(B.getInt32Ty(), Base, "bs.base");
  return B.CreateAdd(ModuleBase, B.getInt32(Index), "bs.site");
}

Constant *SiteTable::string(const std::string &S) {
  if (S.empty())
    return ConstantPointerNull::get(PointerType::getUnqual(M.getContext()));
  Constant *&Slot = Strings[S];
  if (!Slot) {
    Constant *Data = ConstantDataArray::getString(M.getContext(), S);
    auto *GV = new GlobalVariable(M, Data->getType(), /*isConstant=*/true,
                                  GlobalValue::PrivateLinkage, Data,
                                  "__borrowscope_str");
    GV->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
    GV->setAlignment(Align(1));
    Slot = GV;
  }
  return Slot;
}

void SiteTable::finalize(unsigned Untraced, unsigned Total) {
  LLVMContext &C = M.getContext();
  StructType *SiteTy = siteType(C);
  auto I8 = [&](unsigned V) { return ConstantInt::get(Type::getInt8Ty(C), V); };
  auto I32 = [&](unsigned V) {
    return ConstantInt::get(Type::getInt32Ty(C), V);
  };

  std::vector<Constant *> Rows;
  Rows.reserve(Sites.size());
  for (const SiteInfo &S : Sites)
    Rows.push_back(ConstantStruct::get(
        SiteTy, {I8(S.Kind), I8(S.Mutability), I8(S.BorrowerKind), I8(0),
                 I32(S.Flags), I32(S.Line), I32(S.Column), I32(S.Size),
                 I32(S.Decl), I32(S.Call), I32(S.OwnerDecl), string(S.File),
                 string(S.Function), string(S.Name), string(S.TypeName),
                 string(S.Owner), string(S.Through)}));
  ArrayType *TableTy = ArrayType::get(SiteTy, Rows.size());
  auto *Table = new GlobalVariable(M, TableTy, /*isConstant=*/true,
                                   GlobalValue::InternalLinkage,
                                   ConstantArray::get(TableTy, Rows),
                                   "__borrowscope_sites");

  StructType *ModuleTy = moduleType(C);
  auto *Descriptor = new GlobalVariable(
      M, ModuleTy, /*isConstant=*/true, GlobalValue::InternalLinkage,
      ConstantStruct::get(ModuleTy,
                          {I32(BORROWSCOPE_ABI_VERSION), I32(Rows.size()),
                           Table, Base, string(M.getSourceFileName()),
                           I32(Untraced), I32(Total)}),
      "__borrowscope_module");

  Type *Void = Type::getVoidTy(C), *Ptr = PointerType::getUnqual(C);
  FunctionCallee Register = M.getOrInsertFunction(
      "__borrowscope_register_module_v2", Void, Ptr);
  FunctionCallee Unregister = M.getOrInsertFunction(
      "__borrowscope_unregister_module_v2", Void, Ptr);

  auto MakeFunction = [&](StringRef Name) {
    Function *F = Function::Create(FunctionType::get(Void, false),
                                   GlobalValue::InternalLinkage, Name, M);
    F->addFnAttr(Attribute::NoUnwind);
    return F;
  };
  Function *Ctor = MakeFunction("borrowscope.module_ctor");
  IRBuilder<> B(BasicBlock::Create(C, "", Ctor));
  B.CreateCall(Register, {Descriptor});
  B.CreateRetVoid();
  appendToGlobalCtors(M, Ctor, CtorPriority);

  Function *Dtor = MakeFunction("borrowscope.module_dtor");
  B.SetInsertPoint(BasicBlock::Create(C, "", Dtor));
  B.CreateCall(Unregister, {Descriptor});
  B.CreateRetVoid();
  appendToGlobalDtors(M, Dtor, CtorPriority);
}

} // namespace borrowscope
